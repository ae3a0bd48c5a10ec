// Carries the page the user was sent from through the sign-in form, and says when it failed.
const params = new URLSearchParams(location.search);
const next = params.get("next");
if (next && next.startsWith("/") && !next.startsWith("//")) {
  document.getElementById("next").value = next;
}
if (params.has("failed")) {
  document.getElementById("failed").hidden = false;
  document.getElementById("password").focus();
}
