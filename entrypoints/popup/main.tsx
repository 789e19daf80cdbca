import { render } from 'preact';
import '../../components/ui/theme.css';
import '../../components/checker/checker.css';
import { CheckerApp } from '../../components/checker/CheckerApp';

render(<CheckerApp />, document.body);
