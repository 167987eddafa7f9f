// The roster's print button: a printed roster hides the menu and the forms (see frontline.css).
document.addEventListener('click', (event) => {
  if (event.target.closest('.print-page')) {
    window.print();
  }
});
