// The console's hash routes: #/<page>[/<id>][?<filters>].

/** The route in the hash: its page, its id (a detail page) and its query (filters). */
export function currentRoute() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [path, query = ""] = hash.split("?");
  const [page = "overview", id] = path.split("/").filter(Boolean).map(decodeURIComponent);
  return { page, id, key: id ? `${page}/:id` : page, query: new URLSearchParams(query) };
}

/** Replaces the hash's query (a page's filters) without opening the page again. */
export function rememberQuery(query) {
  const { page, id } = currentRoute();
  const path = id ? `${page}/${encodeURIComponent(id)}` : page;
  const text = query.toString();
  history.replaceState(null, "", `#/${path}${text ? `?${text}` : ""}`);
}
