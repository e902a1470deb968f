// Runs first in <body> (no inline script: the Content-Security-Policy allows scripts from this site only).
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
