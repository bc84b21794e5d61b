Feature: Chapter 5.1 — MQTT operation without SSL, as the application note prints it

  The flow of spec 5.1, line by line. Two deliberate differences, because the harness owns the
  network side: the module dials the broker fixture ({host}:{port}) instead of Alibaba Cloud, and
  the two +QMTRECV messages are published by another client of the fixture. The note prints one
  +QMTRECV payload in quotes and one without (ambiguity A33): the payload is compared by value,
  so both layouts pass; the quoting a variant uses is its profile's reading of A33. And two
  settings come first that the note leaves to the module's defaults (A8), which the example
  takes for granted: MQTT 3.1.1 (Alibaba Cloud's protocol; the derived client id is longer than
  the 23 characters MQTT 3.1 servers may refuse) and text payloads both ways.

  Where the note allows another answer than the one printed, the example accepts it and records
  the reading: A22 (the query's <host_name> quoted or bare), conn-ret-code (+QMTCONN: 0,0 without
  <ret_code>), A25 (+QMTUNS with or without a <value>), A4 (+QMTPUBEX for the QoS 0 publish, or
  none, as figure 1 shows). The order the note prints, OK before each result URC, is checked.

  @spec:5.1 @spec:3.3.1:recv/mode:set @spec:3.3.1:aliauth:set @spec:3.3.2:test @spec:3.3.2:query
  @spec:3.3.4:test @spec:3.3.6:test @spec:3.3.8:test @spec:4.2:message-with-length
  Scenario: The 5.1 example runs as printed
    Given client 0 sends and receives MQTT payloads as text
    When the host sends AT+QMTCFG="version",0,4
    Then the module answers OK
    When the host sends AT+QMTCFG="recv/mode",0,0,1
    Then the module answers OK
    When the host sends AT+QMTCFG="aliauth",0,"oyjtmPl5a5j","MQTT_TEST","{device-secret}"
    Then the module answers OK
    When the host sends AT+QMTOPEN=?
    Then the module answers:
      """
      +QMTOPEN: (0-5),"hostname",(1-65535)
      OK
      """
    When the host sends AT+QMTOPEN=0,"{host}",{port}
    Then the module answers OK before it reports +QMTOPEN: 0,0
    When the host sends AT+QMTOPEN?
    Then by reading A22 the module answers one of:
      | quoted | +QMTOPEN: 0,"{host}",{port} |
      | bare   | +QMTOPEN: 0,{host},{port}   |
    When the host sends AT+QMTCONN=?
    Then the module answers:
      """
      +QMTCONN: (0-5),"clientid","username","password"
      OK
      """
    When the host sends AT+QMTCONN=0,"clientExample"
    Then the module answers OK before it reports +QMTCONN: 0,0,0
    When the host sends AT+QMTSUB=?
    Then the module answers:
      """
      +QMTSUB: (0-5),<msgid>,list of ["topic",qos]
      OK
      """
    When the host sends AT+QMTSUB=0,1,"topic/example",2
    Then the module answers OK
    And the module reports +QMTSUB: 0,1,0,2
    When the host sends AT+QMTSUB=0,1,"topic/pub",0
    Then the module answers OK
    And the module reports +QMTSUB: 0,1,0,0
    When another client publishes "This is the payload related to topic" to "topic/example" at QoS 0
    Then the module reports +QMTRECV: 0,0,"topic/example",36,"This is the payload related to topic"
    When the host sends AT+QMTUNS=0,2,"topic/example"
    Then the module answers OK
    And by reading A25 the module reports one of:
      | no-value | +QMTUNS: 0,2,0   |
      | value    | +QMTUNS: 0,2,0,0 |
    When the host sends AT+QMTPUBEX=?
    Then the module answers:
      """
      +QMTPUBEX: (0-5),<msgid>,(0-2),(0,1),"topic","length"
      OK
      """
    When the host sends AT+QMTPUBEX=0,0,0,0,"topic/pub",30 with payload "This is test data, hello MQTT."
    Then the module answers OK
    And by reading A4 the module reports one of:
      | urc    | +QMTPUBEX: 0,0,0               |
      | no-urc | no +QMTPUBEX within 5 seconds  |
    And the module reports +QMTRECV: 0,0,"topic/pub",30,This is test data, hello MQTT.
    When the host sends AT+QMTDISC=0
    Then the module answers OK
    And the module reports +QMTDISC: 0,0
