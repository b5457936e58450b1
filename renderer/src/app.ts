// Entry of the renderer bundle (renderer/dist/app.js + app.css).
import './app.css';
import './cs-app.js';
