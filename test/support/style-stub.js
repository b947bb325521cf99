// Stands in for a .css import under Jest (see jest.config.js moduleNameMapper).
module.exports = {};
