// Stands in for pngjs in the browser build: it decodes a unit's logo for the
// PDF, and the web page prints no logo (a loaded profile's logo is left out,
// with a warning). pngjs itself needs Node's streams and zlib.
export const PNG = {
  sync: {
    read(): never {
      throw new Error('vneid-print: logos are not drawn in the web page');
    },
  },
};
