// CommonJS loads the ES-module package through Node's require(esm) (Node ^20.19 or >=22.12).
const assert = require('node:assert/strict');

const { createMock } = require('esp-cancel-mock/msw');
const { startServer } = require('esp-cancel-mock/server');
const { ALL_VENDORS } = require('esp-cancel-mock');

assert.equal(typeof createMock, 'function');
assert.equal(typeof startServer, 'function');
assert.deepEqual([...ALL_VENDORS], ['momentum', 'omeda', 'sfmc', 'voltmx']);
const mock = createMock({ vendors: ['omeda'] });
assert.deepEqual([...mock.vendors], ['omeda']);
console.log('require(): esp-cancel-mock, /msw and /server load from CommonJS');
