// Tuyên giáo: small progressive enhancements; every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // Disable a submit button once its form is sent, so a double click sends one request.
  document.querySelectorAll("form[data-once]").forEach((form) => {
    form.addEventListener("submit", () => {
      form.querySelectorAll("button[type=submit]").forEach((button) => { button.disabled = true; });
    });
  });
});
