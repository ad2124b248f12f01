import { describe, expect, it } from 'vitest';
import { showPythonList, showSettingValue } from '../../src/core/docuelevate-readback.js';

// Expected texts are what Python 3.11 prints for str() of the same values.
describe("DocuElevate's read-back text", () => {
  it('shows a list setting as Python str() of the parsed list', () => {
    expect(showSettingValue('list', 'json://a,json://b')).toBe("['json://a', 'json://b']");
    expect(showSettingValue('list', ' json://a , ,json://b,')).toBe("['json://a', 'json://b']");
    expect(showSettingValue('list', 'json://only')).toBe("['json://only']");
    expect(showSettingValue('list', '')).toBe('[]');
  });

  it("quotes and escapes list items as Python's repr does", () => {
    expect(showPythonList(["it's"])).toBe(`["it's"]`);
    expect(showPythonList(['a"b'])).toBe(`['a"b']`);
    expect(showPythonList(['a\'b"c'])).toBe(`['a\\'b"c']`);
    expect(showPythonList(['tab\there', 'back\\slash'])).toBe("['tab\\there', 'back\\\\slash']");
    expect(showPythonList(['café \u200d \u00a0 x', '\u{1F600}', '\u007f'])).toBe("['café \\u200d \\xa0 x', '😀', '\\x7f']");
  });

  it('shows booleans as True or False and integers as Python int()', () => {
    expect(showSettingValue('boolean', 'true')).toBe('True');
    expect(showSettingValue('boolean', 'YES')).toBe('True');
    expect(showSettingValue('boolean', 'no')).toBe('False');
    expect(showSettingValue('integer', '010')).toBe('10');
    expect(showSettingValue('integer', ' +1_000 ')).toBe('1000');
    expect(showSettingValue('integer', '-7')).toBe('-7');
    expect(showSettingValue('integer', 'ten')).toBe('0');
  });

  it('shows strings, passwords and unknown types as sent', () => {
    expect(showSettingValue('string', ' json://a,b ')).toBe(' json://a,b ');
    expect(showSettingValue('password', 'True')).toBe('True');
    expect(showSettingValue('slider', '010')).toBe('010');
  });
});
