// The admin console's shell: one page, one shared nav, hash routes (#/batches/<id>?status=...).
// Each route's module is loaded when first opened; mount(main, route) returns what stops it.
import { api } from "/assets/api.js";
import { show } from "/admin/problems.js";
import { currentRoute } from "/admin/route.js";

const ROUTES = {
  overview: () => import("/admin/pages/overview.js"),
  batches: () => import("/admin/pages/batches.js"),
  "batches/:id": () => import("/admin/pages/batch.js"),
  generations: () => import("/admin/pages/generations.js"),
  "generations/:id": () => import("/admin/pages/generation.js"),
  queues: () => import("/admin/pages/queues.js"),
  providers: () => import("/admin/pages/providers.js"),
  costs: () => import("/admin/pages/costs.js"),
  cluster: () => import("/admin/pages/cluster.js"),
};

const main = document.getElementById("page");
const problem = document.getElementById("console-problem");
let unmount = () => {};
let opened = 0;

async function open(event) {
  const route = currentRoute();
  const mine = ++opened;
  const load = ROUTES[route.key] || ROUTES.overview;
  unmount();
  unmount = () => {};
  show(problem, null);
  document.querySelectorAll(".console-nav a").forEach((a) => {
    if (a.dataset.page === route.page) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  });
  main.replaceChildren();
  main.dataset.page = route.key;
  delete main.dataset.loaded; // set by the page once its first answer is shown (tests wait for it)
  try {
    const module = await load();
    if (mine !== opened) return; // the user moved on while it loaded
    unmount = module.mount(main, route) || (() => {});
    if (event) main.focus({ preventScroll: true }); // a screen reader starts reading the new page
  } catch (error) {
    show(problem, error);
  }
}

async function start() {
  window.addEventListener("hashchange", open);
  try {
    const me = await api("/api/me");
    document.getElementById("me").textContent = me.name;
  } catch (error) {
    show(problem, error);
  }
  open();
}

start();
