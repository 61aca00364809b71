// ES5 on purpose: runs before the bundle. Office 2016/2019 show add-ins in Internet Explorer
// (document.documentMode) or EdgeHTML, which cannot run React 19 / Fluent UI 9: send them to
// the static page that says so in plain words.
(function () {
  var d = document,
    u = navigator.userAgent;
  if (
    d.documentMode ||
    /Edge\/\d/.test(u) ||
    typeof Promise === 'undefined' ||
    typeof Symbol === 'undefined' ||
    !('noModule' in d.createElement('script'))
  ) {
    window.location.replace('too-old.html');
  }
})();
