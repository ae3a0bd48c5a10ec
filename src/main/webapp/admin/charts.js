// Chart.js (window.Chart, from its WebJar) for the console: charts are created once and updated in
// place without animation, so a refresh every two seconds neither flickers nor piles up work.

const COLORS = ["#2459d6", "#d97706", "#b42318", "#137a3a", "#7c3aed", "#0891b2"];

function available() {
  return typeof window.Chart === "function";
}

/**
 * A chart on {@code canvas} ({@code type} "line" or "bar") with one dataset per label; returns an
 * object whose update(labels, series) replaces the data in place. Without Chart.js the canvas shows
 * its fallback text and update does nothing.
 */
export function chart(canvas, type, datasetLabels, { yTitle, stacked = false, colors = COLORS } = {}) {
  if (!available()) {
    canvas.replaceWith(Object.assign(document.createElement("p"), {
      className: "muted",
      textContent: "Charts need Chart.js (/webjars/chart.js), which did not load.",
    }));
    return { update() {}, destroy() {} };
  }
  const instance = new window.Chart(canvas, {
    type,
    data: {
      labels: [],
      datasets: datasetLabels.map((label, i) => ({
        label,
        data: [],
        borderColor: colors[i % colors.length],
        backgroundColor: type === "bar" ? colors[i % colors.length] : `${colors[i % colors.length]}33`,
        borderWidth: type === "bar" ? 0 : 2,
        pointRadius: 0,
        tension: 0.2,
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: "index", intersect: false },
      scales: {
        x: { stacked, ticks: { maxTicksLimit: 8, autoSkip: true } },
        y: { stacked, beginAtZero: true, title: { display: Boolean(yTitle), text: yTitle } },
      },
      plugins: { legend: { display: datasetLabels.length > 1 } },
    },
  });
  return {
    update(labels, series) {
      instance.data.labels = labels;
      series.forEach((values, i) => {
        instance.data.datasets[i].data = values;
      });
      instance.update("none");
    },
    destroy: () => instance.destroy(),
  };
}

/** A canvas with a text alternative, in a box that gives the chart its height. */
export function chartBox(label) {
  const canvas = document.createElement("canvas");
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", label);
  canvas.textContent = label;
  const box = document.createElement("div");
  box.className = "chart";
  box.append(canvas);
  return { box, canvas };
}
