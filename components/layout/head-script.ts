/**
 * Runs in <head> before the first paint: applies the saved or system colour scheme (no flash of
 * the wrong theme) and hides images that fail to load (their box keeps its size: no layout shift).
 */
export const headScript = `(function(){var d=document.documentElement;try{var t=localStorage.getItem('theme');if(t==='dark'||(!t&&matchMedia('(prefers-color-scheme: dark)').matches))d.classList.add('dark')}catch(e){}document.addEventListener('error',function(e){var t=e.target;if(t&&t.tagName==='IMG')t.setAttribute('data-broken','')},true)})()`
