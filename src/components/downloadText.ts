// Saves text as a file without a server round trip: a Blob URL on a temporary a[download].
export function downloadText(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke on the next task: Chromium starts the download asynchronously after click().
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
