// Renders an answer's Markdown into the page, safely. The libraries come from WebJars (see
// chat/index.html): marked parses (GitHub's flavour: tables, fenced code), DOMPurify sanitises what
// marked produced, highlight.js colours code. What the model writes is data, never markup:
// - raw HTML in the answer is shown as text (a block of it as an HTML code sample), and DOMPurify removes whatever else could run
//   (scripts, event handlers, javascript: links, also when written with HTML entities);
// - links open in a new tab that gets no handle on this page (rel="noopener noreferrer");
// - images are not loaded (a request to a URL the model chose would tell that site who reads the
//   answer): each becomes a link to the image, to open on purpose.
// Rendering always starts from the whole text, so an answer rendered as it streams ends exactly as
// its final text rendered at once.

const { Marked } = window.marked;
const DOMPurify = window.DOMPurify;
const hljs = window.hljs;

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);

const markdown = new Marked({ gfm: true, breaks: false });
markdown.use({
  renderer: {
    // A block of HTML is shown as an HTML code sample, inline HTML as its text.
    html: (token) =>
      token.block
        ? `<pre><code class="language-html">${escapeHtml(token.text.replace(/\n+$/, ""))}</code></pre>\n`
        : escapeHtml(token.text),
    image: (token) => {
      const label = token.text ? `image: ${token.text}` : "image";
      return `<a class="md-image" href="${escapeHtml(token.href)}" title="Not loaded: opens the image">${escapeHtml(label)}</a>`;
    },
  },
});

const PURIFY = {
  RETURN_DOM_FRAGMENT: true,
  FORBID_TAGS: ["img", "picture", "source", "video", "audio", "iframe", "object", "embed", "svg",
    "math", "style", "form", "input", "button", "textarea", "select"],
  FORBID_ATTR: ["style", "srcset"],
  ALLOW_DATA_ATTR: false,
};

DOMPurify.addHook("afterSanitizeAttributes", (node) => {
  if (node.tagName === "A" && node.hasAttribute("href")) {
    node.setAttribute("target", "_blank");
    node.setAttribute("rel", "noopener noreferrer");
  }
});

if (hljs) hljs.configure({ ignoreUnescapedHTML: true });

/** Replaces {@code target}'s children with {@code text} rendered. */
export function renderMarkdown(target, text) {
  const fragment = DOMPurify.sanitize(markdown.parse(text || ""), PURIFY);
  fragment.querySelectorAll("pre > code").forEach(decorateCode);
  target.replaceChildren(fragment);
}

/** Highlights a code block and gives it a header with its language and a copy button. */
function decorateCode(code) {
  const language = (/\blanguage-([\w+#.-]+)/.exec(code.className) || [])[1];
  if (hljs && (!language || hljs.getLanguage(language))) hljs.highlightElement(code);
  const pre = code.parentElement;
  const block = document.createElement("div");
  block.className = "code-block";
  const head = document.createElement("div");
  head.className = "code-head";
  const label = document.createElement("span");
  label.textContent = language || "code";
  const copy = document.createElement("button");
  copy.type = "button";
  copy.className = "copy-code";
  copy.textContent = "Copy";
  copy.setAttribute("aria-label", `Copy ${language || ""} code`.replace("  ", " "));
  head.append(label, copy);
  pre.replaceWith(block);
  block.append(head, pre);
}

/** Puts text on the clipboard; the fallback serves pages the Clipboard API refuses. */
export async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // refused (no focus, no permission): the fallback below
    }
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  const copied = document.execCommand("copy");
  area.remove();
  if (!copied) throw new Error("the browser did not allow copying");
}
