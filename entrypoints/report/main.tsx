import { render } from 'preact';
import { ReportApp } from '@/components/diary/ReportApp';

render(<ReportApp />, document.body);
