// Helpers for exercises built on the library: checks of the learner's result and plain-English
// explanations of commands. See docs/library.md.
export { expectContainer, expectNoContainer, expectImage, type Check, type ContainerCheck, type ContainerExpectation } from './expect.js';
export { explain, explainCommand, type Explanation, type ExplainedPart } from './explain.js';
