// Monthly IKM trend (templates/skm/_tren_js.html): the points are data attributes of
// #tren-data (label = month, nilai = IKM), drawn on the #grafik-tren canvas with Chart.js.
(function () {
  var el = document.getElementById("grafik-tren");
  var titik = document.querySelectorAll("#tren-data [data-label]");
  if (!el || !titik.length || typeof Chart === "undefined") { return; }
  var label = [], nilai = [];
  titik.forEach(function (t) {
    label.push(t.getAttribute("data-label"));
    nilai.push(parseFloat(t.getAttribute("data-nilai")));
  });
  new Chart(el, {
    type: "line",
    data: { labels: label, datasets: [{ label: "IKM", data: nilai, borderColor: "#0b7a75", backgroundColor: "rgba(11,122,117,.15)", fill: true, tension: 0.25 }] },
    options: { maintainAspectRatio: false, plugins: { legend: { display: false } },
      scales: { y: { suggestedMin: 60, suggestedMax: 100 } } }
  });
})();
