/* Dashboard charts (Chart.js, vendored). Data comes from <script id="grafik-data"
 * type="application/json"> (json_script); every chart drills down: clicking a bar or a point
 * opens the URL in the canvas' data-url (with __ID__ replaced by the clicked item's key). */
(function () {
  "use strict";
  var el = document.getElementById("grafik-data");
  if (!el || typeof Chart === "undefined") { return; }
  var data = JSON.parse(el.textContent);
  var WARNA = { sangat_baik: "#1b7a43", baik: "#62b36f", butuh_perbaikan: "#e0a526",
    kurang: "#e0702a", sangat_kurang: "#c4332b", kosong: "#b8c0cc" };
  Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  Chart.defaults.maintainAspectRatio = false;

  function buka(canvas, kunci) {
    var url = canvas.getAttribute("data-url");
    if (url && kunci !== undefined && kunci !== null) {
      window.location.href = url.replace("__ID__", encodeURIComponent(kunci));
    }
  }
  function klik(canvas, keys) {
    return function (evt, elements) {
      if (elements.length) { buka(canvas, keys[elements[0].index]); }
    };
  }
  function persen(v) { return v === null || v === undefined ? "—" : v.toLocaleString("id-ID") + "%"; }
  function pendek(label) { label = String(label); return label.length > 26 ? label.slice(0, 25) + "…" : label; }
  var SUMBU_UNIT = { ticks: { callback: function (v) { return pendek(this.getLabelForValue(v)); } } };
  function hover(evt, elements) {
    evt.native.target.style.cursor = elements.length ? "pointer" : "default";
  }

  var c = document.getElementById("grafik-distribusi");
  if (c && data.distribusi.nilai.length) {
    new Chart(c, {
      type: "bar",
      data: { labels: data.distribusi.label, datasets: [{ label: "Pegawai", data: data.distribusi.nilai,
        backgroundColor: data.distribusi.kunci.map(function (k) { return WARNA[k] || "#888"; }) }] },
      options: { onClick: klik(c, data.distribusi.kunci), onHover: hover,
        plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }
  c = document.getElementById("grafik-unit");
  if (c && data.unit.label.length) {
    new Chart(c, {
      type: "bar",
      data: { labels: data.unit.label, datasets: [
        { label: "SKP disetujui (%)", data: data.unit.skp, backgroundColor: "#17375e" },
        { label: "Evaluasi dinilai (%)", data: data.unit.dinilai, backgroundColor: "#0b7a75" }] },
      options: { indexAxis: "y", onClick: klik(c, data.unit.id), onHover: hover,
        scales: { x: { min: 0, max: 100, ticks: { callback: function (v) { return v + "%"; } } }, y: SUMBU_UNIT },
        plugins: { tooltip: { callbacks: { label: function (ctx) { return ctx.dataset.label + ": " + persen(ctx.raw); } } } } }
    });
  }
  c = document.getElementById("grafik-hadir");
  if (c && data.unit.label.length) {
    new Chart(c, {
      type: "bar",
      data: { labels: data.unit.label, datasets: [{ label: "Kehadiran (%)", data: data.unit.hadir,
        backgroundColor: data.unit.hadir.map(function (v) { return v < 85 ? "#e0702a" : "#62b36f"; }) }] },
      options: { indexAxis: "y", onClick: klik(c, data.unit.id), onHover: hover,
        plugins: { legend: { display: false } },
        scales: { x: { min: 0, max: 100, ticks: { callback: function (v) { return v + "%"; } } }, y: SUMBU_UNIT } }
    });
  }
  c = document.getElementById("grafik-tren");
  if (c && data.tren.label.length) {
    new Chart(c, {
      type: "line",
      data: { labels: data.tren.label, datasets: [
        { label: "SKP disetujui (%)", data: data.tren.skp, borderColor: "#17375e", backgroundColor: "#17375e", tension: 0.2 },
        { label: "Evaluasi dinilai (%)", data: data.tren.dinilai, borderColor: "#0b7a75", backgroundColor: "#0b7a75", tension: 0.2 },
        { label: "Kehadiran (%)", data: data.tren.hadir, borderColor: "#e0a526", backgroundColor: "#e0a526", tension: 0.2 }] },
      options: { onClick: klik(c, data.tren.id), onHover: hover, spanGaps: true,
        scales: { y: { min: 0, max: 100, ticks: { callback: function (v) { return v + "%"; } } } } }
    });
  }
  c = document.getElementById("grafik-perbandingan");
  if (c && data.label) {
    new Chart(c, {
      type: "bar",
      data: { labels: data.label, datasets: [
        { label: "SKP disetujui (%)", data: data.skp, backgroundColor: "#17375e" },
        { label: "Evaluasi dinilai (%)", data: data.dinilai, backgroundColor: "#0b7a75" },
        { label: "Kehadiran (%)", data: data.hadir, backgroundColor: "#e0a526" }] },
      options: { scales: { y: { min: 0, max: 100 } } }
    });
  }
})();
