document.addEventListener('DOMContentLoaded',function(){document.querySelectorAll('img[data-url]').forEach(function(i){i.src=i.getAttribute('data-url');});});
