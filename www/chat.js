// The demo's stand-in for a site's AI chat. The site's own code is ordinary: it sends on submit.
// <before-you-rely mode="guard" for="message"> stands in front of it without the site changing this.
const form = document.getElementById('chat-form');
const message = document.getElementById('message');
const transcript = document.getElementById('transcript');

function say(who, text) {
  const item = document.createElement('li');
  item.className = who;
  item.textContent = `${who === 'you' ? 'You' : 'Assistant'}: ${text}`;
  transcript.append(item);
}

form.addEventListener('submit', (event) => {
  event.preventDefault(); // no server in the demo
  const text = message.value.trim();
  if (!text) return;
  say('you', text);
  message.value = '';
  setTimeout(() => say('assistant', "Thanks for your message. I'm an AI, so I may get things wrong."), 200);
});

// Enter sends, Shift+Enter adds a line, as in most chats.
message.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    form.requestSubmit();
  }
});

// What a host can learn from the widget: level, categories, whether it held the message. No text.
document.addEventListener('before-you-rely:screen', (event) => {
  const item = document.createElement('li');
  item.textContent = `screen: ${JSON.stringify(event.detail)}`;
  document.getElementById('events').append(item);
});
document.addEventListener('before-you-rely:resource', (event) => {
  const item = document.createElement('li');
  item.textContent = `resource: ${JSON.stringify(event.detail)}`;
  document.getElementById('events').append(item);
});
