import { useEffect } from "react";
import { badgedTitle } from "../lib/new-message-alerts.ts";

/**
 * Writes the title through the <title>'s own text node when there is one: the router renders that
 * node, and replacing it (as `document.title = …` does) would leave the router updating a detached
 * copy on the next navigation.
 */
function applyBadge(count: number) {
  const next = badgedTitle(document.title, count);
  if (next === document.title) return;
  const text = document.querySelector("title")?.firstChild;
  if (text && text.nodeType === Node.TEXT_NODE) text.nodeValue = next;
  else document.title = next;
}

/**
 * Shows `count` in front of the page title ("(3) NexisChat") and calls `onSeen` when the agent
 * comes back to the tab (it becomes visible or gains focus), which should set the count to zero.
 */
export function useTitleBadge(count: number, onSeen: () => void) {
  useEffect(() => {
    applyBadge(count);
    // A route that sets its title again (a refreshed head) would drop the count: put it back.
    const title = document.querySelector("title");
    if (!title || count === 0) return;
    const observer = new MutationObserver(() => applyBadge(count));
    observer.observe(title, { childList: true, characterData: true, subtree: true });
    return () => observer.disconnect();
  }, [count]);

  useEffect(() => {
    const seen = () => {
      if (!document.hidden) onSeen();
    };
    document.addEventListener("visibilitychange", seen);
    window.addEventListener("focus", seen);
    return () => {
      document.removeEventListener("visibilitychange", seen);
      window.removeEventListener("focus", seen);
    };
  }, [onSeen]);

  // Leaving the inbox takes the badge away with it.
  useEffect(() => () => applyBadge(0), []);
}
