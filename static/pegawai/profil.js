// Employee profile (templates/pegawai/pegawai_detail.html): keep the open tab in the
// address (?tab=...) so reload and "back" return to it.
(function () {
  document.querySelectorAll('#tab-profil [data-bs-toggle="tab"]').forEach(function (b) {
    b.addEventListener("shown.bs.tab", function (e) {
      var t = e.target.getAttribute("data-bs-target").replace("#tab-", "");
      var url = new URL(window.location);
      url.searchParams.set("tab", t);
      history.replaceState(null, "", url);
    });
  });
})();
