// The browser side of Web Push, served as files (a strict CSP allows 'self' scripts, never inline ones).

/** Asks for permission, subscribes with our VAPID key and hands the subscription to the server. */
export const PUSH_JS = `(function(){
var b=document.getElementById('enable-push');if(!b)return;
var out=document.getElementById('push-status');
if(!('serviceWorker' in navigator)||!('PushManager' in window)){b.hidden=true;out.textContent=b.dataset.unsupported;return;}
function key(s){var p='='.repeat((4-s.length%4)%4);var r=atob((s+p).replace(/-/g,'+').replace(/_/g,'/'));return Uint8Array.from(r,function(c){return c.charCodeAt(0)});}
b.addEventListener('click',function(){
navigator.serviceWorker.register('/app/booking/sw.js').then(function(reg){return reg.pushManager.subscribe({userVisibleOnly:true,applicationServerKey:key(b.dataset.key)});})
.then(function(sub){return fetch('/app/booking/push/subscribe',{method:'POST',headers:{'content-type':'application/json'},credentials:'same-origin',body:JSON.stringify(sub)});})
.then(function(r){out.textContent=r.ok?b.dataset.done:b.dataset.failed;if(r.ok)b.hidden=true;})
.catch(function(){out.textContent=b.dataset.failed;});});})();`;

/** The service worker: shows what the server pushed. */
export const SW_JS = `self.addEventListener('push',function(e){var d={};try{d=e.data.json()}catch(x){d={title:'Booking',body:e.data?e.data.text():''}}
e.waitUntil(self.registration.showNotification(d.title,{body:d.body}));});
self.addEventListener('notificationclick',function(e){e.notification.close();e.waitUntil(clients.openWindow('/app/booking/mine'));});`;
