import { BicepReadError, readBicep } from './bicepTemplate';

const SAMPLE = `
// appSettings: [ { name: 'IN_A_COMMENT', value: 'no' } ]
/* param commented string
   output alsoCommented string = 'x' */
@minLength(4)
@description('Base name: it\\'s used { everywhere ] // not a comment')
param baseName string

@secure()
param key string

@allowed([
  'B1'
  'S1'
])
param sku string = 'B1'

param tags object = {
  owner: 'team'
}

param optional string?
param location string = resourceGroup().location

var host = '\${baseName}.example.org'

resource site 'Microsoft.Web/sites@2023-12-01' = if (!empty(baseName)) {
  name: baseName
  properties: {
    siteConfig: {
      appCommandLine: 'node --flag dist/index.js'
      appSettings: [
        {
          name: 'PLAIN'
          value: 'production'
        }
        { name: 'ONE_LINE', value: '0.0.0.0' }
        {
          name: 'ESCAPED'
          value: 'it\\'s \\\${not} interpolated'
        }
        {
          // a comment inside
          name: 'INTERPOLATED'
          value: '@Microsoft.KeyVault(SecretUri=\${secret.properties.secretUri})'
        }
        {
          name: 'NESTED_STRING'
          value: '\${concat('}', ']')}'
        }
        {
          name: 'CALL'
          value: string(length([
            1
            2
          ]))
        }
        {
          value: identity.properties.clientId
          name: 'VALUE_FIRST'
        }
        {
          name: 'MULTI_LINE'
          value: '''
a ']' b'''
        }
      ]
    }
  }
}

output HOST string = 'https://\${host}'
output ID string = site.id
`;

describe('reading a Bicep file without the compiler', () => {
  const template = readBicep(SAMPLE);

  it('finds every parameter, with its type, whether it has a default, and its decorators, but none in comments', () => {
    expect(template.parameters).toEqual([
      { name: 'baseName', type: 'string', hasDefault: false, decorators: ['minLength', 'description'] },
      { name: 'key', type: 'string', hasDefault: false, decorators: ['secure'] },
      { name: 'sku', type: 'string', hasDefault: true, decorators: ['allowed'] },
      { name: 'tags', type: 'object', hasDefault: true, decorators: [] },
      { name: 'optional', type: 'string?', hasDefault: false, decorators: [] },
      { name: 'location', type: 'string', hasDefault: true, decorators: [] },
    ]);
  });

  it('finds every output and its expression', () => {
    expect(template.outputs).toEqual([
      { name: 'HOST', type: 'string', expression: "'https://${host}'" },
      { name: 'ID', type: 'string', expression: 'site.id' },
    ]);
  });

  it("reads each app setting's name, and its value as a literal or as an expression", () => {
    expect(template.appSettingsBlocks).toHaveLength(1);
    expect(template.appSettingsBlocks[0]).toEqual([
      { name: 'PLAIN', value: { kind: 'literal', value: 'production' } },
      { name: 'ONE_LINE', value: { kind: 'literal', value: '0.0.0.0' } },
      { name: 'ESCAPED', value: { kind: 'literal', value: "it's ${not} interpolated" } },
      { name: 'INTERPOLATED', value: { kind: 'expression', source: "'@Microsoft.KeyVault(SecretUri=${secret.properties.secretUri})'" } },
      { name: 'NESTED_STRING', value: { kind: 'expression', source: "'${concat('}', ']')}'" } },
      { name: 'CALL', value: { kind: 'expression', source: 'string(length([\n            1\n            2\n          ]))' } },
      { name: 'VALUE_FIRST', value: { kind: 'expression', source: 'identity.properties.clientId' } },
      { name: 'MULTI_LINE', value: { kind: 'literal', value: "a ']' b" } },
    ]);
  });

  it('reads a named property wherever it is', () => {
    expect(template.propertyValues('appCommandLine')).toEqual([{ kind: 'literal', value: 'node --flag dist/index.js' }]);
    expect(template.propertyValues('name')[0]).toEqual({ kind: 'expression', source: 'baseName' });
    expect(template.propertyValues('missing')).toEqual([]);
  });

  it('refuses app settings it cannot read, rather than reading fewer', () => {
    const wrap = (settings: string) => `resource s 'x@1' = {\n  properties: {\n    appSettings: ${settings}\n  }\n}\n`;
    expect(() => readBicep(wrap("concat(base, [\n  { name: 'A', value: 'a' }\n])"))).toThrow(/appSettings is not a plain array/);
    expect(() => readBicep(wrap('[\n  ...shared\n]'))).toThrow(/not a \{ name, value \} object/);
    expect(() => readBicep(wrap("[\n  { name: prefixed('A'), value: 'a' }\n]"))).toThrow(/needs a literal name/);
    expect(() => readBicep(wrap("[\n  { name: 'A' }\n]"))).toThrow(/appSettings entry A has no value/);
  });

  it('names the line of a malformed file', () => {
    expect(() => readBicep("param a string\nvar b = 'unterminated\n")).toThrow(BicepReadError);
    expect(() => readBicep("param a string\nvar b = 'unterminated\n")).toThrow(/Unterminated string \(line 2\)/);
    expect(() => readBicep('var b = [\n  1\n}\n')).toThrow(/Unbalanced \}/);
  });
});
