import { render } from 'preact';

function Popup() {
  return <main><h1>Knee Check</h1></main>;
}

render(<Popup />, document.getElementById('app')!);
