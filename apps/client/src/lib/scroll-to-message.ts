/** Scrolls a loaded message into view and flashes it; false when it is not on the page. */
export function scrollToMessage(messageId: string): boolean {
  const element = document.getElementById(`message-${messageId}`);
  if (!element) return false;
  element.scrollIntoView({ block: "center", behavior: "smooth" });
  element.dataset.flash = "true";
  setTimeout(() => delete element.dataset.flash, 1600);
  return true;
}
