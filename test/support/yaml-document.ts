// In-process tests call the pure core directly, as the CLI's editing commands and the Action do: with the yaml
// Document API installed. The built CLI's on-demand loading (validate, status) is exercised by the e2e tests.
import '../../src/core/yaml-document.js';
