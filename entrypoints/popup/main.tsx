import { render } from 'preact';

render(<main>Triangle Lens</main>, document.getElementById('app')!);
