// The diary's only script: a new account takes the browser's time zone (the hidden
// field stays empty without JavaScript, and the site's default is used).
document.querySelectorAll("input[name=time_zone][type=hidden]").forEach(function (field) {
  try {
    field.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch (error) {
    field.value = "";
  }
});
