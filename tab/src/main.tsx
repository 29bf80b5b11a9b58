import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectHost } from './teams/host';

const container = document.getElementById('root');
if (container) {
  void connectHost().then((host) => createRoot(container).render(<App host={host} />));
}
