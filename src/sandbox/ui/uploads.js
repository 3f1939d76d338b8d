// Turning files the user picked into the base64 payloads the control API accepts.

/** Reads a browser File as the base64 payload the API expects. @param {File} file @returns {Promise<import('./api.js').UploadedFile>} */
export async function readUpload(file) {
  const dataUrl = await new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
  const data = dataUrl.slice(dataUrl.indexOf(',') + 1);
  return { data, mime_type: file.type || 'application/octet-stream', file_name: file.name };
}

/**
 * The length of an audio file in whole seconds, if the browser can tell.
 * @param {File} file @returns {Promise<number | undefined>}
 */
export function audioDuration(file) {
  return new Promise((resolve) => {
    const audio = new Audio();
    const url = URL.createObjectURL(file);
    const done = (/** @type {number | undefined} */ value) => {
      URL.revokeObjectURL(url);
      resolve(value);
    };
    audio.addEventListener('loadedmetadata', () =>
      done(Number.isFinite(audio.duration) ? Math.round(audio.duration) : undefined),
    );
    audio.addEventListener('error', () => done(undefined));
    setTimeout(() => done(undefined), 3000);
    audio.src = url;
  });
}
