import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectHost } from './teams/host';

const container = document.getElementById('root');
if (container) {
  // Nothing to fall back to: if Teams refuses its context, the browser reports the rejection, and
  // Teams, never told the tab loaded (notifyLoaded), shows its own error in the tab's place.
  void connectHost().then((host) => createRoot(container).render(<App host={host} />));
}
