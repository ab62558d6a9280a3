// Tuyên giáo: small progressive enhancements; every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // Charts: <canvas data-chart='{"labels": [...], "datasets": [...]}'> drawn with Chart.js when loaded.
  if (window.Chart) {
    document.querySelectorAll("canvas[data-chart]").forEach((canvas) => {
      const data = JSON.parse(canvas.dataset.chart);
      new window.Chart(canvas, { type: "bar", data, options: { responsive: true, animation: false } });
    });
  }

  // A form marked data-once is sent once, however many times its button is clicked. The buttons
  // are disabled only after the browser has read the form, so the clicked button's value (such
  // as step=confirm) still travels with it.
  document.querySelectorAll("form[data-once]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (form.dataset.sent) {
        event.preventDefault();
        return;
      }
      form.dataset.sent = "1";
      setTimeout(() => {
        form.querySelectorAll("button[type=submit]").forEach((button) => { button.disabled = true; });
      }, 0);
    });
  });
});
