// Showing what the server refused: a problem document's detail in the page's alert, and each named
// field's message next to that field of a form.
import { ApiError } from "/assets/api.js";

/** The text to show for a failed call. */
export function describe(error) {
  if (error instanceof ApiError) {
    const p = error.problem || {};
    const retry = error.status === 503 ? " (the server is busy; the next refresh tries again)" : "";
    return `${error.status} ${p.title || ""}${p.detail ? `: ${p.detail}` : ""}${retry}`.trim();
  }
  return String(error && error.message ? error.message : error);
}

/** Puts the error's text into {@code target} (a role=alert element), or clears it. */
export function show(target, error) {
  target.textContent = error ? describe(error) : "";
}

/**
 * Puts each field error of a problem next to its field in {@code form} (the element whose
 * data-field names it); what no field claims goes to {@code fallback}. Returns whether any did.
 */
export function showFieldErrors(form, error, fallback) {
  form.querySelectorAll(".field-error").forEach((slot) => (slot.textContent = ""));
  form.querySelectorAll("[aria-invalid]").forEach((input) => input.removeAttribute("aria-invalid"));
  fallback.textContent = "";
  if (!error) return false;
  const unclaimed = [];
  for (const fieldError of (error instanceof ApiError && error.problem.errors) || []) {
    const input = form.querySelector(`[data-field="${CSS.escape(fieldError.field)}"]`);
    const slot = input && form.querySelector(`#${CSS.escape(input.id)}-error`);
    if (slot) {
      slot.textContent = fieldError.message;
      input.setAttribute("aria-invalid", "true");
    } else {
      unclaimed.push(`${fieldError.field}: ${fieldError.message}`);
    }
  }
  const claimed = unclaimed.length < ((error.problem && error.problem.errors) || []).length;
  if (unclaimed.length || !claimed) fallback.textContent = unclaimed.join("; ") || describe(error);
  return claimed;
}
