/**
 * The editor side of a rich-text field, in one module so that Lexical loads as one chunk, and
 * only where a field is shown: RichTextFieldState imports it with `import()` when a field first
 * mounts (a risk's mitigation, behind a click, costs the Risks page nothing). A page that shows
 * its fields at once imports it statically as well (`import '$lib/editor/rich-text-editor.ts'`),
 * so the chunk is preloaded with the page instead of fetched after it.
 */
export { mountRichTextField, type MountedRichTextField } from './rich-text-field.ts';
export { applyLink, removeLink, setBlockKind, toggleTextFormat } from './formatting.ts';
