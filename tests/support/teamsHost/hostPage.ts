/** Names the host page and the test share: the binding the page calls, and the function it offers. */
export const HOST_BINDING = 'fakeTeamsHostAnswer';
export const PUSH_TO_TAB = 'fakeTeamsHostPush';

/**
 * The Teams window around the tab: it frames `?tab=<url>` and relays postMessage both ways.
 * Every message from the tab's window (and only from it, at the tab's origin) goes to the test's
 * binding, and its reply, if any, goes back to the tab; the test pushes host events through
 * PUSH_TO_TAB. The messages the tab sees come from this window, at this page's origin
 * (https://teams.microsoft.com), exactly as in Teams. The sandbox is no looser than Teams' own.
 */
export const HOST_PAGE_HTML = `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8" />
    <title>Microsoft Teams (test host)</title>
    <style>html, body { margin: 0; height: 100%; } iframe { display: block; border: 0; width: 100%; height: 100%; }</style>
  </head>
  <body>
    <iframe id="tab" title="Practice Audit"
      sandbox="allow-forms allow-modals allow-popups allow-popups-to-escape-sandbox allow-scripts allow-same-origin allow-downloads"></iframe>
    <script>
      const frame = document.getElementById('tab');
      const tabUrl = new URL(location.href).searchParams.get('tab');
      const tabOrigin = new URL(tabUrl).origin;
      window.addEventListener('message', async (event) => {
        if (event.source !== frame.contentWindow || event.origin !== tabOrigin) return;
        const reply = await window.${HOST_BINDING}(event.data);
        if (reply) frame.contentWindow.postMessage(reply, tabOrigin);
      });
      window.${PUSH_TO_TAB} = (message) => frame.contentWindow.postMessage(message, tabOrigin);
      frame.src = tabUrl;
    </script>
  </body>
</html>
`;
