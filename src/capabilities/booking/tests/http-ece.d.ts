// http_ece (a dependency of web-push) ships no types; the test decrypts a push as a browser would.
declare module 'http_ece' {
  const ece: {
    decrypt(buffer: Buffer, params: { version: string; privateKey: unknown; authSecret: string }): Buffer;
  };
  export default ece;
}
