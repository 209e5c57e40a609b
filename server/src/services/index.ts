/**
 * The feature entry points every front end calls: hover, complete, diagnose, code actions and
 * navigation, as functions of (context, document, position). Routes each document to its language
 * module, composes hovers from reference text and notes, and applies rule settings and ignore
 * comments to findings. No LSP connection, no IO. Never throws on user input.
 */
export * from './route';
export * from './hover';
export * from './diagnose';
export * from './navigation';
export * from './notes';
