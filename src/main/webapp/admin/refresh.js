// Refreshes a page's data on a period: the next request starts only after the previous one ended
// (a slow server is never asked twice at once), and nothing is asked while the tab is hidden.

/**
 * Runs {@code task} now and then {@code periodMs} after each run ends, until stopped. Errors go to
 * {@code onError}; the refresh goes on (the next answer may succeed).
 */
export function every(periodMs, task, onError = console.error) {
  let timer = null;
  let running = false;
  let again = false; // asked for while a run was under way: run once more as soon as it ends
  let stopped = false;

  const schedule = () => {
    if (!stopped && !document.hidden && timer === null && !running) {
      timer = setTimeout(run, periodMs);
    }
  };
  async function run() {
    clearTimeout(timer);
    timer = null;
    if (stopped || document.hidden) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await task();
    } catch (error) {
      onError(error);
    } finally {
      running = false;
      if (again) {
        again = false;
        run();
      } else {
        schedule();
      }
    }
  }
  const visibility = () => {
    if (document.hidden) {
      clearTimeout(timer);
      timer = null;
    } else {
      run();
    }
  };
  document.addEventListener("visibilitychange", visibility);
  run();

  return {
    /** Refreshes at once (after an action); after the current refresh if one is under way. */
    now: run,
    stop() {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", visibility);
    },
  };
}
