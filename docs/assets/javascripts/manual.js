/* Print buttons: any element with data-print opens the browser's print dialog (print styles hide the chrome). */
document.addEventListener("click", function (event) {
  var button = event.target.closest ? event.target.closest("[data-print]") : null;
  if (button) {
    event.preventDefault();
    window.print();
  }
});
