import { render } from 'preact';
import { Welcome } from '@/components/welcome/Welcome';

render(<Welcome />, document.body);
