// The home page: shows the admin console's link to a signed-in admin. Anyone else (or nobody signed
// in) sees no link; the header makes the server answer a plain 401 rather than a password dialog.
async function showAdminLink() {
  const response = await fetch("/api/me", {
    headers: { Accept: "application/json", "X-Sluice-Client": "page" },
    credentials: "same-origin",
  });
  if (!response.ok) return;
  const me = await response.json();
  document.getElementById("admin-console").hidden = !me.admin;
}

showAdminLink().catch(() => {});
