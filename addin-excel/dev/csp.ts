// The Content-Security-Policy of the task pane page: only what it loads. office.js and the scripts it loads
// next (excel-web-16.00.js, strings) come from Microsoft's CDN, or from the page's own origin when office.js is
// hosted next to it; the page's own bundles; inline styles (the page's <style>, Fluent UI's runtime styles and
// office.js's own inline styles — OfficeDev/office-js#1687); the SSB PxWebApi the SSB flow reads; and the panel
// worker (dist/excel/panel-worker.js, same origin) that checks big registers off the pane's thread.
export const TASKPANE_CSP = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self' https://appsforoffice.microsoft.com https://data.ssb.no",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
