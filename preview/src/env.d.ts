// Vite handles style imports in the preview bundle.
declare module '*.css';
