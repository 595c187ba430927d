/** Reader text sizes of the article body, stored under FONT_SIZE_KEY and applied as `<html data-font-size>`. */
export const FONT_SIZES = ['small', 'medium', 'large'] as const
export type FontSize = (typeof FONT_SIZES)[number]
export const FONT_SIZE_KEY = 'font-size'

/**
 * Runs in <head> before the first paint: applies the saved or system colour scheme (no flash of
 * the wrong theme) and the saved reader text size (no layout shift), and hides images that fail
 * to load (their box keeps its size: no layout shift).
 */
export const headScript = `(function(){var d=document.documentElement;try{var t=localStorage.getItem('theme');if(t==='dark'||(!t&&matchMedia('(prefers-color-scheme: dark)').matches))d.classList.add('dark');var f=localStorage.getItem('${FONT_SIZE_KEY}');if(${JSON.stringify(FONT_SIZES)}.indexOf(f)>=0)d.setAttribute('data-font-size',f)}catch(e){}document.addEventListener('error',function(e){var t=e.target;if(t&&t.tagName==='IMG')t.setAttribute('data-broken','')},true)})()`
