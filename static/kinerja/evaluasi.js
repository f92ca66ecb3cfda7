/*
 * Evaluation pages (no build step):
 * 1. Live predikat: radios name="rating_hasil" / "rating_perilaku" + the matrix in
 *    <script id="matriks" type="application/json"> -> the badge [data-predikat-live].
 * 2. Curve chart: <canvas id="kurva-chart"> + <script id="kurva-data"> (actual count per
 *    predikat, allowed max/min where a rule bounds a single predikat), with Chart.js.
 */
(function () {
  "use strict";

  function dataJson(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function pilihan(form, nama) {
    var el = form.querySelector('input[name="' + nama + '"]:checked, select[name="' + nama + '"]');
    return el ? el.value : "";
  }

  var matriks = dataJson("matriks");
  document.querySelectorAll("[data-predikat-live]").forEach(function (badge) {
    var form = badge.closest("form") || document;
    var awalan = badge.getAttribute("data-prefix") || "";
    var kosong = badge.getAttribute("data-kosong") || "—";
    function perbarui() {
      var h = pilihan(form, awalan + "rating_hasil");
      var p = pilihan(form, awalan + "rating_perilaku");
      var hasil = matriks && h && p ? matriks[h + "|" + p] : null;
      badge.className = "badge badge-predikat fs-6 badge-predikat-" + (hasil ? hasil[0].replace(/_/g, "-") : "kosong");
      badge.textContent = hasil ? hasil[1] : kosong;
      badge.setAttribute("data-value", hasil ? hasil[0] : "");
    }
    form.addEventListener("change", perbarui);
    perbarui();
  });

  var kurva = dataJson("kurva-data");
  var kanvas = document.getElementById("kurva-chart");
  if (kurva && kanvas && window.Chart) {
    new window.Chart(kanvas, {
      type: "bar",
      data: {
        labels: kurva.labels,
        datasets: [
          { type: "bar", label: kanvas.dataset.labelAktual || "Aktual", data: kurva.aktual,
            backgroundColor: ["#0f5132", "#4caf50", "#f0ad4e", "#fd7e14", "#dc3545"], order: 2 },
          { type: "line", label: kanvas.dataset.labelMaks || "Batas maksimal", data: kurva.maks,
            borderColor: "#17375e", backgroundColor: "#17375e", showLine: false, pointStyle: "line",
            pointRadius: 18, pointBorderWidth: 3, order: 1 },
          { type: "line", label: kanvas.dataset.labelMin || "Batas minimal", data: kurva.min,
            borderColor: "#b02a37", backgroundColor: "#b02a37", showLine: false, pointStyle: "triangle",
            pointRadius: 7, order: 0 }
        ]
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: "bottom" } }
      }
    });
  }
})();
