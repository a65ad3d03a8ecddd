/* eslint-disable */
// @ts-nocheck
// Generated from schema/container-policy.schema.json by `npm run config:validator`
// (scripts/generate-config-validator.mjs, ajv standalone code). Do not edit.

export const validate = validate10;
export default validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://github.com/org/container-policy-action/schema/container-policy.schema.json","title":"container-policy configuration (.github/container-policy.yml)","description":"Tunes the built-in rules and custom policies without writing Rego. Read from the pull request's base commit, so a pull request cannot weaken its own check.","type":"object","additionalProperties":false,"properties":{"version":{"description":"Format version of this file. Only 1 exists.","const":1},"fail-on":{"description":"Which findings fail the check: deny, warn (denials and warnings) or never. An explicit fail-on input or --fail-on flag wins.","enum":["deny","warn","never"]},"files":{"description":"Which files are checked as which kind. An explicit dockerfile-patterns / compose-patterns input wins.","type":"object","additionalProperties":false,"properties":{"dockerfile":{"description":"Globs of files checked as Dockerfiles.","$ref":"#/definitions/globs"},"compose":{"description":"Globs of files checked as Compose files.","$ref":"#/definitions/globs"}}},"rules":{"description":"Per-rule switches, keyed by rule id (built-in ids such as CPD001, or a custom policy's id).","type":"object","propertyNames":{"$ref":"#/definitions/ruleId"},"additionalProperties":{"type":"object","additionalProperties":false,"properties":{"enabled":{"description":"false turns the rule off; its findings are listed as suppressed.","type":"boolean"},"severity":{"description":"Overrides the rule's severity.","enum":["deny","warn"]},"reason":{"description":"Why; required when enabled is false.","$ref":"#/definitions/reason"}},"if":{"properties":{"enabled":{"const":false}},"required":["enabled"]},"then":{"required":["reason"]}}},"frameworks":{"description":"Compliance frameworks shown in reports (default: all).","type":"array","uniqueItems":true,"items":{"enum":["cis-docker","nist-800-190","owasp-docker","pci-dss","soc2"]}},"compose-projects":{"description":"Compose files that docker compose merges into one project, in merge order (base first, then overrides).","type":"array","items":{"type":"object","additionalProperties":false,"required":["name","files"],"properties":{"name":{"description":"Project name (docker compose -p).","type":"string","pattern":"^[a-z0-9][a-z0-9_-]*$"},"files":{"description":"Workspace-relative paths of the project's compose files, base first.","type":"array","minItems":1,"items":{"type":"string","minLength":1}}}}},"compose-variables":{"description":"Values for ${VAR} interpolation in compose files, as the shell would give docker compose; they win over .env files. Read from the base commit like the rest of this file.","type":"object","propertyNames":{"pattern":"^[A-Za-z_][A-Za-z0-9_]*$"},"additionalProperties":{"type":"string"}},"daemon":{"description":"What Docker daemon authorization policies are told about the request.","type":"object","additionalProperties":false,"properties":{"user":{"description":"The user identity a daemon policy sees (Authz-User). Default: the pull request's author.","type":"string","minLength":1}}},"policy-data":{"description":"Values the rules read (data.container_policy.settings); each key replaces the rule's default.","type":"object","additionalProperties":false,"properties":{"approved-registries":{"description":"Registry hosts images may come from (e.g. ghcr.io, docker.io). Replaces the trusted registries of the Dockerfile rule (CPD004) and sets the allowed registries of the compose rule (CPC029).","$ref":"#/definitions/strings"},"approved-base-images":{"description":"The only base images a Dockerfile FROM may use (CPD005), as registry/repository names (docker.io/library/python) or prefixes ending in / (ghcr.io/acme/). Empty: any image.","$ref":"#/definitions/strings"},"pinning-exempt-packages":{"description":"Package names the version-pinning rules (CPD010-CPD016) do not ask to pin.","$ref":"#/definitions/strings"},"secret-patterns":{"description":"Regular expressions (RE2, matched case-insensitively) for names of ARG, ENV and compose environment variables that hold secrets (CPD031, CPD032, CPC030).","$ref":"#/definitions/strings"},"secret-value-patterns":{"description":"Regular expressions (RE2) for values that are credentials whatever their name: in any Dockerfile instruction and COPY/ADD heredoc (CPD031, CPD069, CPD073), compose environment values (CPC030) and a service's command, entrypoint, healthcheck test and labels (CPC045).","$ref":"#/definitions/strings"},"system-directories":{"description":"Absolute directories a Dockerfile WORKDIR must not be (CPD060).","$ref":"#/definitions/absolutePaths"},"sensitive-host-paths":{"description":"Absolute host directories a compose bind mount must not reach (CPC005).","$ref":"#/definitions/absolutePaths"},"max-restart-retries":{"description":"The most retries a compose on-failure restart policy may have (CPC017).","type":"integer","minimum":0},"custom":{"description":"Free-form data for custom policies, merged into the root of their data document.","type":"object"}}},"exclusions":{"description":"Findings taken out of the verdict by file and/or compose service, each with a reason.","type":"array","items":{"type":"object","additionalProperties":false,"required":["rules","reason"],"anyOf":[{"required":["paths"]},{"required":["services"]}],"properties":{"paths":{"description":"Globs of workspace-relative paths (a glob without / matches the base name).","$ref":"#/definitions/globs"},"services":{"description":"Compose service names.","$ref":"#/definitions/strings"},"rules":{"description":"Rule ids excluded, or \"*\" for every rule.","type":"array","minItems":1,"items":{"anyOf":[{"$ref":"#/definitions/ruleId"},{"const":"*"}]}},"reason":{"description":"Why the exclusion is safe.","$ref":"#/definitions/reason"}}}},"suppressions":{"description":"How suppression comments in Dockerfiles and Compose files are treated.","type":"object","additionalProperties":false,"properties":{"allowed":{"description":"false forbids suppression comments: they are reported and nothing is suppressed. Default true.","type":"boolean"},"require-reason":{"description":"A container-policy comment must give a reason after --. Default true.","type":"boolean"},"other-tools":{"description":"Other tools whose ignore comments are honoured for the equivalent rules. Default none.","type":"array","uniqueItems":true,"items":{"enum":["hadolint","trivy","checkov","kics"]}}}}},"definitions":{"ruleId":{"type":"string","pattern":"^[A-Za-z][A-Za-z0-9_.-]*(/[A-Za-z0-9_.-]+)*$"},"reason":{"type":"string","pattern":"\\S"},"globs":{"type":"array","minItems":1,"items":{"type":"string","minLength":1}},"strings":{"type":"array","items":{"type":"string","minLength":1}},"absolutePaths":{"type":"array","items":{"type":"string","pattern":"^/"}}}};
const schema12 = {"type":"array","minItems":1,"items":{"type":"string","minLength":1}};
const schema14 = {"type":"string","pattern":"^[A-Za-z][A-Za-z0-9_.-]*(/[A-Za-z0-9_.-]+)*$"};
const schema15 = {"type":"string","pattern":"\\S"};
const schema16 = {"type":"array","items":{"type":"string","minLength":1}};
const schema21 = {"type":"array","items":{"type":"string","pattern":"^/"}};
const func2 = Object.prototype.hasOwnProperty;
const func3 = codePointLength;
const func0 = equalJson;
const pattern0 = new RegExp("^[A-Za-z][A-Za-z0-9_.-]*(/[A-Za-z0-9_.-]+)*$", "u");
const pattern1 = new RegExp("\\S", "u");
const pattern2 = new RegExp("^[a-z0-9][a-z0-9_-]*$", "u");
const pattern3 = new RegExp("^[A-Za-z_][A-Za-z0-9_]*$", "u");
const pattern4 = new RegExp("^/", "u");

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://github.com/org/container-policy-action/schema/container-policy.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(func2.call(schema11.properties, key0))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.version !== undefined){
let data0 = data.version;
if(1 !== data0){
const err1 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant",schema:1,parentSchema:schema11.properties.version,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data["fail-on"] !== undefined){
let data1 = data["fail-on"];
if(!(((data1 === "deny") || (data1 === "warn")) || (data1 === "never"))){
const err2 = {instancePath:instancePath+"/fail-on",schemaPath:"#/properties/fail-on/enum",keyword:"enum",params:{allowedValues: schema11.properties["fail-on"].enum},message:"must be equal to one of the allowed values",schema:schema11.properties["fail-on"].enum,parentSchema:schema11.properties["fail-on"],data:data1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.files !== undefined){
let data2 = data.files;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
for(const key1 in data2){
if(!((key1 === "dockerfile") || (key1 === "compose"))){
const err3 = {instancePath:instancePath+"/files",schemaPath:"#/properties/files/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.files,data:data2};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data2.dockerfile !== undefined){
let data3 = data2.dockerfile;
if(Array.isArray(data3)){
if(data3.length < 1){
const err4 = {instancePath:instancePath+"/files/dockerfile",schemaPath:"#/definitions/globs/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema12,data:data3};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
let data4 = data3[i0];
if(typeof data4 === "string"){
if(func3(data4) < 1){
const err5 = {instancePath:instancePath+"/files/dockerfile/" + i0,schemaPath:"#/definitions/globs/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.items,data:data4};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/files/dockerfile/" + i0,schemaPath:"#/definitions/globs/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.items.type,parentSchema:schema12.items,data:data4};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath:instancePath+"/files/dockerfile",schemaPath:"#/definitions/globs/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.type,parentSchema:schema12,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data2.compose !== undefined){
let data5 = data2.compose;
if(Array.isArray(data5)){
if(data5.length < 1){
const err8 = {instancePath:instancePath+"/files/compose",schemaPath:"#/definitions/globs/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema12,data:data5};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
const len1 = data5.length;
for(let i1=0; i1<len1; i1++){
let data6 = data5[i1];
if(typeof data6 === "string"){
if(func3(data6) < 1){
const err9 = {instancePath:instancePath+"/files/compose/" + i1,schemaPath:"#/definitions/globs/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.items,data:data6};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/files/compose/" + i1,schemaPath:"#/definitions/globs/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.items.type,parentSchema:schema12.items,data:data6};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath:instancePath+"/files/compose",schemaPath:"#/definitions/globs/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.type,parentSchema:schema12,data:data5};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/files",schemaPath:"#/properties/files/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.files.type,parentSchema:schema11.properties.files,data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.rules !== undefined){
let data7 = data.rules;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
for(const key2 in data7){
const _errs19 = errors;
if(typeof key2 === "string"){
if(!pattern0.test(key2)){
const err13 = {instancePath:instancePath+"/rules",schemaPath:"#/definitions/ruleId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]*(/[A-Za-z0-9_.-]+)*$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]*(/[A-Za-z0-9_.-]+)*$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]*(/[A-Za-z0-9_.-]+)*$",parentSchema:schema14,data:key2,propertyName:key2};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/rules",schemaPath:"#/definitions/ruleId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:key2,propertyName:key2};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
var valid8 = _errs19 === errors;
if(!valid8){
const err15 = {instancePath:instancePath+"/rules",schemaPath:"#/properties/rules/propertyNames",keyword:"propertyNames",params:{propertyName: key2},message:"property name must be valid",schema:schema11.properties.rules.propertyNames,parentSchema:schema11.properties.rules,data:data7};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
for(const key3 in data7){
let data8 = data7[key3];
const _errs25 = errors;
let valid11 = true;
const _errs26 = errors;
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
let missing0;
if((data8.enabled === undefined) && (missing0 = "enabled")){
const err16 = {};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
else {
if(data8.enabled !== undefined){
if(false !== data8.enabled){
const err17 = {};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
}
var _valid0 = _errs26 === errors;
errors = _errs25;
if(vErrors !== null){
if(_errs25){
vErrors.length = _errs25;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs28 = errors;
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
if(data8.reason === undefined){
const err18 = {instancePath:instancePath+"/rules/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/rules/additionalProperties/then/required",keyword:"required",params:{missingProperty: "reason"},message:"must have required property '"+"reason"+"'",schema:schema11.properties.rules.additionalProperties.then.required,parentSchema:schema11.properties.rules.additionalProperties.then,data:data8};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
var _valid0 = _errs28 === errors;
valid11 = _valid0;
}
if(!valid11){
const err19 = {instancePath:instancePath+"/rules/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/rules/additionalProperties/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema11.properties.rules.additionalProperties.if,parentSchema:schema11.properties.rules.additionalProperties,data:data8};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
for(const key4 in data8){
if(!(((key4 === "enabled") || (key4 === "severity")) || (key4 === "reason"))){
const err20 = {instancePath:instancePath+"/rules/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/rules/additionalProperties/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.additionalProperties,data:data8};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data8.enabled !== undefined){
let data10 = data8.enabled;
if(typeof data10 !== "boolean"){
const err21 = {instancePath:instancePath+"/rules/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/enabled",schemaPath:"#/properties/rules/additionalProperties/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.rules.additionalProperties.properties.enabled.type,parentSchema:schema11.properties.rules.additionalProperties.properties.enabled,data:data10};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data8.severity !== undefined){
let data11 = data8.severity;
if(!((data11 === "deny") || (data11 === "warn"))){
const err22 = {instancePath:instancePath+"/rules/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/severity",schemaPath:"#/properties/rules/additionalProperties/properties/severity/enum",keyword:"enum",params:{allowedValues: schema11.properties.rules.additionalProperties.properties.severity.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.rules.additionalProperties.properties.severity.enum,parentSchema:schema11.properties.rules.additionalProperties.properties.severity,data:data11};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data8.reason !== undefined){
let data12 = data8.reason;
if(typeof data12 === "string"){
if(!pattern1.test(data12)){
const err23 = {instancePath:instancePath+"/rules/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/reason",schemaPath:"#/definitions/reason/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema15,data:data12};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/rules/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/reason",schemaPath:"#/definitions/reason/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.type,parentSchema:schema15,data:data12};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
else {
const err25 = {instancePath:instancePath+"/rules/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/rules/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.additionalProperties.type,parentSchema:schema11.properties.rules.additionalProperties,data:data8};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath:instancePath+"/rules",schemaPath:"#/properties/rules/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.type,parentSchema:schema11.properties.rules,data:data7};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.frameworks !== undefined){
let data13 = data.frameworks;
if(Array.isArray(data13)){
const len2 = data13.length;
for(let i2=0; i2<len2; i2++){
let data14 = data13[i2];
if(!(((((data14 === "cis-docker") || (data14 === "nist-800-190")) || (data14 === "owasp-docker")) || (data14 === "pci-dss")) || (data14 === "soc2"))){
const err27 = {instancePath:instancePath+"/frameworks/" + i2,schemaPath:"#/properties/frameworks/items/enum",keyword:"enum",params:{allowedValues: schema11.properties.frameworks.items.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.frameworks.items.enum,parentSchema:schema11.properties.frameworks.items,data:data14};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
let i3 = data13.length;
let j0;
if(i3 > 1){
outer0:
for(;i3--;){
for(j0 = i3; j0--;){
if(func0(data13[i3], data13[j0])){
const err28 = {instancePath:instancePath+"/frameworks",schemaPath:"#/properties/frameworks/uniqueItems",keyword:"uniqueItems",params:{i: i3, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i3+" are identical)",schema:true,parentSchema:schema11.properties.frameworks,data:data13};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
break outer0;
}
}
}
}
}
else {
const err29 = {instancePath:instancePath+"/frameworks",schemaPath:"#/properties/frameworks/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.frameworks.type,parentSchema:schema11.properties.frameworks,data:data13};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data["compose-projects"] !== undefined){
let data15 = data["compose-projects"];
if(Array.isArray(data15)){
const len3 = data15.length;
for(let i4=0; i4<len3; i4++){
let data16 = data15[i4];
if(data16 && typeof data16 == "object" && !Array.isArray(data16)){
if(data16.name === undefined){
const err30 = {instancePath:instancePath+"/compose-projects/" + i4,schemaPath:"#/properties/compose-projects/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema11.properties["compose-projects"].items.required,parentSchema:schema11.properties["compose-projects"].items,data:data16};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(data16.files === undefined){
const err31 = {instancePath:instancePath+"/compose-projects/" + i4,schemaPath:"#/properties/compose-projects/items/required",keyword:"required",params:{missingProperty: "files"},message:"must have required property '"+"files"+"'",schema:schema11.properties["compose-projects"].items.required,parentSchema:schema11.properties["compose-projects"].items,data:data16};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
for(const key5 in data16){
if(!((key5 === "name") || (key5 === "files"))){
const err32 = {instancePath:instancePath+"/compose-projects/" + i4,schemaPath:"#/properties/compose-projects/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties["compose-projects"].items,data:data16};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data16.name !== undefined){
let data17 = data16.name;
if(typeof data17 === "string"){
if(!pattern2.test(data17)){
const err33 = {instancePath:instancePath+"/compose-projects/" + i4+"/name",schemaPath:"#/properties/compose-projects/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9_-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9_-]*$"+"\"",schema:"^[a-z0-9][a-z0-9_-]*$",parentSchema:schema11.properties["compose-projects"].items.properties.name,data:data17};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
else {
const err34 = {instancePath:instancePath+"/compose-projects/" + i4+"/name",schemaPath:"#/properties/compose-projects/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties["compose-projects"].items.properties.name.type,parentSchema:schema11.properties["compose-projects"].items.properties.name,data:data17};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data16.files !== undefined){
let data18 = data16.files;
if(Array.isArray(data18)){
if(data18.length < 1){
const err35 = {instancePath:instancePath+"/compose-projects/" + i4+"/files",schemaPath:"#/properties/compose-projects/items/properties/files/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties["compose-projects"].items.properties.files,data:data18};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
const len4 = data18.length;
for(let i5=0; i5<len4; i5++){
let data19 = data18[i5];
if(typeof data19 === "string"){
if(func3(data19) < 1){
const err36 = {instancePath:instancePath+"/compose-projects/" + i4+"/files/" + i5,schemaPath:"#/properties/compose-projects/items/properties/files/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties["compose-projects"].items.properties.files.items,data:data19};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
else {
const err37 = {instancePath:instancePath+"/compose-projects/" + i4+"/files/" + i5,schemaPath:"#/properties/compose-projects/items/properties/files/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties["compose-projects"].items.properties.files.items.type,parentSchema:schema11.properties["compose-projects"].items.properties.files.items,data:data19};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
}
else {
const err38 = {instancePath:instancePath+"/compose-projects/" + i4+"/files",schemaPath:"#/properties/compose-projects/items/properties/files/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties["compose-projects"].items.properties.files.type,parentSchema:schema11.properties["compose-projects"].items.properties.files,data:data18};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
}
else {
const err39 = {instancePath:instancePath+"/compose-projects/" + i4,schemaPath:"#/properties/compose-projects/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties["compose-projects"].items.type,parentSchema:schema11.properties["compose-projects"].items,data:data16};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
}
else {
const err40 = {instancePath:instancePath+"/compose-projects",schemaPath:"#/properties/compose-projects/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties["compose-projects"].type,parentSchema:schema11.properties["compose-projects"],data:data15};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data["compose-variables"] !== undefined){
let data20 = data["compose-variables"];
if(data20 && typeof data20 == "object" && !Array.isArray(data20)){
for(const key6 in data20){
const _errs52 = errors;
if(typeof key6 === "string"){
if(!pattern3.test(key6)){
const err41 = {instancePath:instancePath+"/compose-variables",schemaPath:"#/properties/compose-variables/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema11.properties["compose-variables"].propertyNames,data:key6,propertyName:key6};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
var valid23 = _errs52 === errors;
if(!valid23){
const err42 = {instancePath:instancePath+"/compose-variables",schemaPath:"#/properties/compose-variables/propertyNames",keyword:"propertyNames",params:{propertyName: key6},message:"property name must be valid",schema:schema11.properties["compose-variables"].propertyNames,parentSchema:schema11.properties["compose-variables"],data:data20};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
for(const key7 in data20){
let data21 = data20[key7];
if(typeof data21 !== "string"){
const err43 = {instancePath:instancePath+"/compose-variables/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/compose-variables/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties["compose-variables"].additionalProperties.type,parentSchema:schema11.properties["compose-variables"].additionalProperties,data:data21};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
}
else {
const err44 = {instancePath:instancePath+"/compose-variables",schemaPath:"#/properties/compose-variables/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties["compose-variables"].type,parentSchema:schema11.properties["compose-variables"],data:data20};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data.daemon !== undefined){
let data22 = data.daemon;
if(data22 && typeof data22 == "object" && !Array.isArray(data22)){
for(const key8 in data22){
if(!(key8 === "user")){
const err45 = {instancePath:instancePath+"/daemon",schemaPath:"#/properties/daemon/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.daemon,data:data22};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data22.user !== undefined){
let data23 = data22.user;
if(typeof data23 === "string"){
if(func3(data23) < 1){
const err46 = {instancePath:instancePath+"/daemon/user",schemaPath:"#/properties/daemon/properties/user/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.daemon.properties.user,data:data23};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
else {
const err47 = {instancePath:instancePath+"/daemon/user",schemaPath:"#/properties/daemon/properties/user/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.daemon.properties.user.type,parentSchema:schema11.properties.daemon.properties.user,data:data23};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
}
else {
const err48 = {instancePath:instancePath+"/daemon",schemaPath:"#/properties/daemon/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.daemon.type,parentSchema:schema11.properties.daemon,data:data22};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data["policy-data"] !== undefined){
let data24 = data["policy-data"];
if(data24 && typeof data24 == "object" && !Array.isArray(data24)){
for(const key9 in data24){
if(!(func2.call(schema11.properties["policy-data"].properties, key9))){
const err49 = {instancePath:instancePath+"/policy-data",schemaPath:"#/properties/policy-data/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties["policy-data"],data:data24};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data24["approved-registries"] !== undefined){
let data25 = data24["approved-registries"];
if(Array.isArray(data25)){
const len5 = data25.length;
for(let i6=0; i6<len5; i6++){
let data26 = data25[i6];
if(typeof data26 === "string"){
if(func3(data26) < 1){
const err50 = {instancePath:instancePath+"/policy-data/approved-registries/" + i6,schemaPath:"#/definitions/strings/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.items,data:data26};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
else {
const err51 = {instancePath:instancePath+"/policy-data/approved-registries/" + i6,schemaPath:"#/definitions/strings/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.items.type,parentSchema:schema16.items,data:data26};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
}
else {
const err52 = {instancePath:instancePath+"/policy-data/approved-registries",schemaPath:"#/definitions/strings/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema16.type,parentSchema:schema16,data:data25};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
if(data24["approved-base-images"] !== undefined){
let data27 = data24["approved-base-images"];
if(Array.isArray(data27)){
const len6 = data27.length;
for(let i7=0; i7<len6; i7++){
let data28 = data27[i7];
if(typeof data28 === "string"){
if(func3(data28) < 1){
const err53 = {instancePath:instancePath+"/policy-data/approved-base-images/" + i7,schemaPath:"#/definitions/strings/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.items,data:data28};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
else {
const err54 = {instancePath:instancePath+"/policy-data/approved-base-images/" + i7,schemaPath:"#/definitions/strings/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.items.type,parentSchema:schema16.items,data:data28};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
}
else {
const err55 = {instancePath:instancePath+"/policy-data/approved-base-images",schemaPath:"#/definitions/strings/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema16.type,parentSchema:schema16,data:data27};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
if(data24["pinning-exempt-packages"] !== undefined){
let data29 = data24["pinning-exempt-packages"];
if(Array.isArray(data29)){
const len7 = data29.length;
for(let i8=0; i8<len7; i8++){
let data30 = data29[i8];
if(typeof data30 === "string"){
if(func3(data30) < 1){
const err56 = {instancePath:instancePath+"/policy-data/pinning-exempt-packages/" + i8,schemaPath:"#/definitions/strings/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.items,data:data30};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
else {
const err57 = {instancePath:instancePath+"/policy-data/pinning-exempt-packages/" + i8,schemaPath:"#/definitions/strings/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.items.type,parentSchema:schema16.items,data:data30};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
}
else {
const err58 = {instancePath:instancePath+"/policy-data/pinning-exempt-packages",schemaPath:"#/definitions/strings/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema16.type,parentSchema:schema16,data:data29};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
if(data24["secret-patterns"] !== undefined){
let data31 = data24["secret-patterns"];
if(Array.isArray(data31)){
const len8 = data31.length;
for(let i9=0; i9<len8; i9++){
let data32 = data31[i9];
if(typeof data32 === "string"){
if(func3(data32) < 1){
const err59 = {instancePath:instancePath+"/policy-data/secret-patterns/" + i9,schemaPath:"#/definitions/strings/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.items,data:data32};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
else {
const err60 = {instancePath:instancePath+"/policy-data/secret-patterns/" + i9,schemaPath:"#/definitions/strings/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.items.type,parentSchema:schema16.items,data:data32};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
}
else {
const err61 = {instancePath:instancePath+"/policy-data/secret-patterns",schemaPath:"#/definitions/strings/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema16.type,parentSchema:schema16,data:data31};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
if(data24["secret-value-patterns"] !== undefined){
let data33 = data24["secret-value-patterns"];
if(Array.isArray(data33)){
const len9 = data33.length;
for(let i10=0; i10<len9; i10++){
let data34 = data33[i10];
if(typeof data34 === "string"){
if(func3(data34) < 1){
const err62 = {instancePath:instancePath+"/policy-data/secret-value-patterns/" + i10,schemaPath:"#/definitions/strings/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.items,data:data34};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
else {
const err63 = {instancePath:instancePath+"/policy-data/secret-value-patterns/" + i10,schemaPath:"#/definitions/strings/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.items.type,parentSchema:schema16.items,data:data34};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
}
else {
const err64 = {instancePath:instancePath+"/policy-data/secret-value-patterns",schemaPath:"#/definitions/strings/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema16.type,parentSchema:schema16,data:data33};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
if(data24["system-directories"] !== undefined){
let data35 = data24["system-directories"];
if(Array.isArray(data35)){
const len10 = data35.length;
for(let i11=0; i11<len10; i11++){
let data36 = data35[i11];
if(typeof data36 === "string"){
if(!pattern4.test(data36)){
const err65 = {instancePath:instancePath+"/policy-data/system-directories/" + i11,schemaPath:"#/definitions/absolutePaths/items/pattern",keyword:"pattern",params:{pattern: "^/"},message:"must match pattern \""+"^/"+"\"",schema:"^/",parentSchema:schema21.items,data:data36};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
else {
const err66 = {instancePath:instancePath+"/policy-data/system-directories/" + i11,schemaPath:"#/definitions/absolutePaths/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.items.type,parentSchema:schema21.items,data:data36};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
}
else {
const err67 = {instancePath:instancePath+"/policy-data/system-directories",schemaPath:"#/definitions/absolutePaths/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema21.type,parentSchema:schema21,data:data35};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
if(data24["sensitive-host-paths"] !== undefined){
let data37 = data24["sensitive-host-paths"];
if(Array.isArray(data37)){
const len11 = data37.length;
for(let i12=0; i12<len11; i12++){
let data38 = data37[i12];
if(typeof data38 === "string"){
if(!pattern4.test(data38)){
const err68 = {instancePath:instancePath+"/policy-data/sensitive-host-paths/" + i12,schemaPath:"#/definitions/absolutePaths/items/pattern",keyword:"pattern",params:{pattern: "^/"},message:"must match pattern \""+"^/"+"\"",schema:"^/",parentSchema:schema21.items,data:data38};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
else {
const err69 = {instancePath:instancePath+"/policy-data/sensitive-host-paths/" + i12,schemaPath:"#/definitions/absolutePaths/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.items.type,parentSchema:schema21.items,data:data38};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
}
else {
const err70 = {instancePath:instancePath+"/policy-data/sensitive-host-paths",schemaPath:"#/definitions/absolutePaths/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema21.type,parentSchema:schema21,data:data37};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
if(data24["max-restart-retries"] !== undefined){
let data39 = data24["max-restart-retries"];
if(!((typeof data39 == "number") && (!(data39 % 1) && !isNaN(data39)))){
const err71 = {instancePath:instancePath+"/policy-data/max-restart-retries",schemaPath:"#/properties/policy-data/properties/max-restart-retries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties["policy-data"].properties["max-restart-retries"].type,parentSchema:schema11.properties["policy-data"].properties["max-restart-retries"],data:data39};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
if(typeof data39 == "number"){
if(data39 < 0 || isNaN(data39)){
const err72 = {instancePath:instancePath+"/policy-data/max-restart-retries",schemaPath:"#/properties/policy-data/properties/max-restart-retries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties["policy-data"].properties["max-restart-retries"],data:data39};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
}
if(data24.custom !== undefined){
let data40 = data24.custom;
if(!(data40 && typeof data40 == "object" && !Array.isArray(data40))){
const err73 = {instancePath:instancePath+"/policy-data/custom",schemaPath:"#/properties/policy-data/properties/custom/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties["policy-data"].properties.custom.type,parentSchema:schema11.properties["policy-data"].properties.custom,data:data40};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
}
else {
const err74 = {instancePath:instancePath+"/policy-data",schemaPath:"#/properties/policy-data/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties["policy-data"].type,parentSchema:schema11.properties["policy-data"],data:data24};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
if(data.exclusions !== undefined){
let data41 = data.exclusions;
if(Array.isArray(data41)){
const len12 = data41.length;
for(let i13=0; i13<len12; i13++){
let data42 = data41[i13];
const _errs107 = errors;
let valid50 = false;
const _errs108 = errors;
if(data42 && typeof data42 == "object" && !Array.isArray(data42)){
if(data42.paths === undefined){
const err75 = {instancePath:instancePath+"/exclusions/" + i13,schemaPath:"#/properties/exclusions/items/anyOf/0/required",keyword:"required",params:{missingProperty: "paths"},message:"must have required property '"+"paths"+"'",schema:schema11.properties.exclusions.items.anyOf[0].required,parentSchema:schema11.properties.exclusions.items.anyOf[0],data:data42};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
var _valid1 = _errs108 === errors;
valid50 = valid50 || _valid1;
if(!valid50){
const _errs109 = errors;
if(data42 && typeof data42 == "object" && !Array.isArray(data42)){
if(data42.services === undefined){
const err76 = {instancePath:instancePath+"/exclusions/" + i13,schemaPath:"#/properties/exclusions/items/anyOf/1/required",keyword:"required",params:{missingProperty: "services"},message:"must have required property '"+"services"+"'",schema:schema11.properties.exclusions.items.anyOf[1].required,parentSchema:schema11.properties.exclusions.items.anyOf[1],data:data42};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
var _valid1 = _errs109 === errors;
valid50 = valid50 || _valid1;
}
if(!valid50){
const err77 = {instancePath:instancePath+"/exclusions/" + i13,schemaPath:"#/properties/exclusions/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.exclusions.items.anyOf,parentSchema:schema11.properties.exclusions.items,data:data42};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
else {
errors = _errs107;
if(vErrors !== null){
if(_errs107){
vErrors.length = _errs107;
}
else {
vErrors = null;
}
}
}
if(data42 && typeof data42 == "object" && !Array.isArray(data42)){
if(data42.rules === undefined){
const err78 = {instancePath:instancePath+"/exclusions/" + i13,schemaPath:"#/properties/exclusions/items/required",keyword:"required",params:{missingProperty: "rules"},message:"must have required property '"+"rules"+"'",schema:schema11.properties.exclusions.items.required,parentSchema:schema11.properties.exclusions.items,data:data42};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
if(data42.reason === undefined){
const err79 = {instancePath:instancePath+"/exclusions/" + i13,schemaPath:"#/properties/exclusions/items/required",keyword:"required",params:{missingProperty: "reason"},message:"must have required property '"+"reason"+"'",schema:schema11.properties.exclusions.items.required,parentSchema:schema11.properties.exclusions.items,data:data42};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
for(const key10 in data42){
if(!((((key10 === "paths") || (key10 === "services")) || (key10 === "rules")) || (key10 === "reason"))){
const err80 = {instancePath:instancePath+"/exclusions/" + i13,schemaPath:"#/properties/exclusions/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.exclusions.items,data:data42};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
if(data42.paths !== undefined){
let data43 = data42.paths;
if(Array.isArray(data43)){
if(data43.length < 1){
const err81 = {instancePath:instancePath+"/exclusions/" + i13+"/paths",schemaPath:"#/definitions/globs/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema12,data:data43};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
const len13 = data43.length;
for(let i14=0; i14<len13; i14++){
let data44 = data43[i14];
if(typeof data44 === "string"){
if(func3(data44) < 1){
const err82 = {instancePath:instancePath+"/exclusions/" + i13+"/paths/" + i14,schemaPath:"#/definitions/globs/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.items,data:data44};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
}
else {
const err83 = {instancePath:instancePath+"/exclusions/" + i13+"/paths/" + i14,schemaPath:"#/definitions/globs/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.items.type,parentSchema:schema12.items,data:data44};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
}
}
else {
const err84 = {instancePath:instancePath+"/exclusions/" + i13+"/paths",schemaPath:"#/definitions/globs/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.type,parentSchema:schema12,data:data43};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
}
if(data42.services !== undefined){
let data45 = data42.services;
if(Array.isArray(data45)){
const len14 = data45.length;
for(let i15=0; i15<len14; i15++){
let data46 = data45[i15];
if(typeof data46 === "string"){
if(func3(data46) < 1){
const err85 = {instancePath:instancePath+"/exclusions/" + i13+"/services/" + i15,schemaPath:"#/definitions/strings/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.items,data:data46};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
}
else {
const err86 = {instancePath:instancePath+"/exclusions/" + i13+"/services/" + i15,schemaPath:"#/definitions/strings/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.items.type,parentSchema:schema16.items,data:data46};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
}
}
else {
const err87 = {instancePath:instancePath+"/exclusions/" + i13+"/services",schemaPath:"#/definitions/strings/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema16.type,parentSchema:schema16,data:data45};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
if(data42.rules !== undefined){
let data47 = data42.rules;
if(Array.isArray(data47)){
if(data47.length < 1){
const err88 = {instancePath:instancePath+"/exclusions/" + i13+"/rules",schemaPath:"#/properties/exclusions/items/properties/rules/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.exclusions.items.properties.rules,data:data47};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
const len15 = data47.length;
for(let i16=0; i16<len15; i16++){
let data48 = data47[i16];
const _errs124 = errors;
let valid60 = false;
const _errs125 = errors;
if(typeof data48 === "string"){
if(!pattern0.test(data48)){
const err89 = {instancePath:instancePath+"/exclusions/" + i13+"/rules/" + i16,schemaPath:"#/definitions/ruleId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]*(/[A-Za-z0-9_.-]+)*$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]*(/[A-Za-z0-9_.-]+)*$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]*(/[A-Za-z0-9_.-]+)*$",parentSchema:schema14,data:data48};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
else {
const err90 = {instancePath:instancePath+"/exclusions/" + i13+"/rules/" + i16,schemaPath:"#/definitions/ruleId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data48};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
var _valid2 = _errs125 === errors;
valid60 = valid60 || _valid2;
if(!valid60){
const _errs128 = errors;
if("*" !== data48){
const err91 = {instancePath:instancePath+"/exclusions/" + i13+"/rules/" + i16,schemaPath:"#/properties/exclusions/items/properties/rules/items/anyOf/1/const",keyword:"const",params:{allowedValue: "*"},message:"must be equal to constant",schema:"*",parentSchema:schema11.properties.exclusions.items.properties.rules.items.anyOf[1],data:data48};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
var _valid2 = _errs128 === errors;
valid60 = valid60 || _valid2;
}
if(!valid60){
const err92 = {instancePath:instancePath+"/exclusions/" + i13+"/rules/" + i16,schemaPath:"#/properties/exclusions/items/properties/rules/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.exclusions.items.properties.rules.items.anyOf,parentSchema:schema11.properties.exclusions.items.properties.rules.items,data:data48};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
else {
errors = _errs124;
if(vErrors !== null){
if(_errs124){
vErrors.length = _errs124;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err93 = {instancePath:instancePath+"/exclusions/" + i13+"/rules",schemaPath:"#/properties/exclusions/items/properties/rules/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.exclusions.items.properties.rules.type,parentSchema:schema11.properties.exclusions.items.properties.rules,data:data47};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
if(data42.reason !== undefined){
let data49 = data42.reason;
if(typeof data49 === "string"){
if(!pattern1.test(data49)){
const err94 = {instancePath:instancePath+"/exclusions/" + i13+"/reason",schemaPath:"#/definitions/reason/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema15,data:data49};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
}
else {
const err95 = {instancePath:instancePath+"/exclusions/" + i13+"/reason",schemaPath:"#/definitions/reason/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.type,parentSchema:schema15,data:data49};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
}
else {
const err96 = {instancePath:instancePath+"/exclusions/" + i13,schemaPath:"#/properties/exclusions/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.exclusions.items.type,parentSchema:schema11.properties.exclusions.items,data:data42};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
}
else {
const err97 = {instancePath:instancePath+"/exclusions",schemaPath:"#/properties/exclusions/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.exclusions.type,parentSchema:schema11.properties.exclusions,data:data41};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
}
if(data.suppressions !== undefined){
let data50 = data.suppressions;
if(data50 && typeof data50 == "object" && !Array.isArray(data50)){
for(const key11 in data50){
if(!(((key11 === "allowed") || (key11 === "require-reason")) || (key11 === "other-tools"))){
const err98 = {instancePath:instancePath+"/suppressions",schemaPath:"#/properties/suppressions/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.suppressions,data:data50};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
}
if(data50.allowed !== undefined){
let data51 = data50.allowed;
if(typeof data51 !== "boolean"){
const err99 = {instancePath:instancePath+"/suppressions/allowed",schemaPath:"#/properties/suppressions/properties/allowed/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.suppressions.properties.allowed.type,parentSchema:schema11.properties.suppressions.properties.allowed,data:data51};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
}
if(data50["require-reason"] !== undefined){
let data52 = data50["require-reason"];
if(typeof data52 !== "boolean"){
const err100 = {instancePath:instancePath+"/suppressions/require-reason",schemaPath:"#/properties/suppressions/properties/require-reason/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.suppressions.properties["require-reason"].type,parentSchema:schema11.properties.suppressions.properties["require-reason"],data:data52};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
}
if(data50["other-tools"] !== undefined){
let data53 = data50["other-tools"];
if(Array.isArray(data53)){
const len16 = data53.length;
for(let i17=0; i17<len16; i17++){
let data54 = data53[i17];
if(!((((data54 === "hadolint") || (data54 === "trivy")) || (data54 === "checkov")) || (data54 === "kics"))){
const err101 = {instancePath:instancePath+"/suppressions/other-tools/" + i17,schemaPath:"#/properties/suppressions/properties/other-tools/items/enum",keyword:"enum",params:{allowedValues: schema11.properties.suppressions.properties["other-tools"].items.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.suppressions.properties["other-tools"].items.enum,parentSchema:schema11.properties.suppressions.properties["other-tools"].items,data:data54};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
}
let i18 = data53.length;
let j1;
if(i18 > 1){
outer1:
for(;i18--;){
for(j1 = i18; j1--;){
if(func0(data53[i18], data53[j1])){
const err102 = {instancePath:instancePath+"/suppressions/other-tools",schemaPath:"#/properties/suppressions/properties/other-tools/uniqueItems",keyword:"uniqueItems",params:{i: i18, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i18+" are identical)",schema:true,parentSchema:schema11.properties.suppressions.properties["other-tools"],data:data53};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
break outer1;
}
}
}
}
}
else {
const err103 = {instancePath:instancePath+"/suppressions/other-tools",schemaPath:"#/properties/suppressions/properties/other-tools/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.suppressions.properties["other-tools"].type,parentSchema:schema11.properties.suppressions.properties["other-tools"],data:data53};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
}
}
else {
const err104 = {instancePath:instancePath+"/suppressions",schemaPath:"#/properties/suppressions/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.suppressions.type,parentSchema:schema11.properties.suppressions,data:data50};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
}
}
else {
const err105 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

/** Deep equality of JSON values (uniqueItems); NaN equals NaN, as in the generated code's usual helper. */
function equalJson(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a !== a && b !== b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && equalJson(a[key], b[key]));
}
/** A string's length in code points, as JSON Schema counts it (minLength): a surrogate pair is one. */
function codePointLength(text) {
  let length = 0;
  for (const _ of text) length++;
  return length;
}
