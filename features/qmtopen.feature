Feature: AT+QMTOPEN — open a network connection for the MQTT client (spec 3.3.2)

  The module opens a TCP connection to the broker and reports the result as a URC within the
  maximum response time of 120 s. Host names are quoted (ambiguity A22: the examples quote them;
  the query output's quoting is the variant profile's reading of A22).

  Rule: A successful open answers OK, then +QMTOPEN: <client_idx>,0, and a TCP connection reaches the broker

    @spec:3.3.2:set @spec:3.3.2:result=0 @spec:3.3.2:max-response-time
    Scenario: Client 0 opens a connection to the broker fixture
      When the host sends AT+QMTOPEN=0,"{host}",{port}
      Then the module answers OK
      And the module reports +QMTOPEN: 0,0
      And the broker has seen 1 connection from the module
