@area:qmtcfg
Feature: AT+QMTCFG=? — the test form lists every sub-option with its ranges (spec 3.3.1)

  The answer is parsed into sub-options, ranges, lists and descriptive text and compared with
  §3.3.1, the placeholders "(range of supported …)" filled with the ranges the parameter list
  gives (src/qmt/listing.ts). A missing sub-option, a parameter too many or too few, or a range or
  list that differs is non-conformance. Typesetting is not: the note itself prints the "dataformat"
  line with a space after two commas, and the field evidence (docs/field-evidence.md#ec600s-test-form-listing) shows an EC600S listing another order, no
  spaces and an extra "CTWing". Such differences pass, each attached as a note to the result, and
  the layout is recorded as reading test-form-layout ("as-printed" / "reformatted").
  Readings of the note this feature depends on (src/variants/readings.ts): test-form-layout.

  @spec:3.3.1:test @spec:3.3.1:max-response-time
  Scenario: AT+QMTCFG=? answers the §3.3.1 lines, then OK
    When the host sends AT+QMTCFG=?
    Then the module lists what the note lists:
      """
      +QMTCFG: "version",(0-5),(3,4)
      +QMTCFG: "pdpcid",(0-5),(1-15)
      +QMTCFG: "ssl",(0-5),(0,1),(0-5)
      +QMTCFG: "keepalive",(0-5),(0-3600)
      +QMTCFG: "session",(0-5),(0,1)
      +QMTCFG: "timeout",(0-5),(1-60),(0-10),(0,1)
      +QMTCFG: "will",(0-5),(0,1),(0-2),(0,1),"willtopic","willmessage"
      +QMTCFG: "willex",(0-5),(0,1),(0-2),(0,1),"willtopic",(0-256)
      +QMTCFG: "recv/mode",(0-5),(0,1),(0,1)
      +QMTCFG: "aliauth",(0-5),"product key","device name","device secret"
      +QMTCFG: "qmtping",(0-5),(5-60)
      +QMTCFG: "send/mode",(0-5),(0,1)
      +QMTCFG: "onenet",(0-5),"product id","access key"
      +QMTCFG: "hwauth",(0-5),"product id","device secret"
      +QMTCFG: "hwprodid",(0-5),"product id","product secret","nodeid"
      +QMTCFG: "dataformat",(0-5), (0,1), (0,1)
      +QMTCFG: "view/mode",(0-5),(0,1)
      +QMTCFG: "edit/timeout",(0-5),(0,1),(1-120)
      OK
      """
