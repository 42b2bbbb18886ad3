// Runs in the console page before its own scripts (page.addInitScript). The marks are taken in the
// page, on its clock, the moment the DOM shows each step, so the bench's polling from Node adds
// nothing to a phase; the network edges of each phase come from Resource Timing (kept whole: the
// default buffer of 250 entries is less than the block requests of one upload).
export const RECORD_PHASES = `
  performance.setResourceTimingBufferSize(1000000);
  window.__marks = {};
  const mark = (name) => { if (window.__marks[name] === undefined) window.__marks[name] = performance.now(); };
  document.addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === 'file') mark('drop');
  }, true);
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (button && button.textContent.includes('Upload and start import')) mark('click');
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    if (link && link.textContent.trim() === 'View errors') mark('errorsClick');
  }, true);
  const look = () => {
    const m = window.__marks;
    if (m.drop !== undefined && m.converted === undefined) {
      for (const b of document.querySelectorAll('button'))
        if (b.textContent.includes('Upload and start import')) mark('converted');
    }
    if (m.click !== undefined && m.jobPage === undefined && /\\/jobs\\/[^/]+$/.test(location.pathname)) mark('jobPage');
    if (m.jobPage !== undefined && m.completed === undefined) {
      const status = document.querySelector('[role="status"][aria-label="Job status"]');
      if (status && /completed/i.test(status.textContent)) mark('completed');
    }
    if (m.completed !== undefined && m.errorsCounted === undefined) {
      for (const a of document.querySelectorAll('a'))
        if (a.textContent.trim() === 'View errors') mark('errorsCounted');
    }
    if (m.errorsCounted !== undefined && document.getElementById('counts-heading')) mark('errorsRead');
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true });
`;

export interface PageMarks {
  drop: number;
  converted: number;
  click: number;
  jobPage: number;
  completed: number;
  errorsCounted: number;
  errorsClick: number;
  errorsRead: number;
}

export interface ResourceEdge {
  name: string;
  startTime: number;
  responseEnd: number;
}
